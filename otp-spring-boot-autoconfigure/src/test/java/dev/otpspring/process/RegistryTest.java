package dev.otpspring.process;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Registered names: R15.2, R15.3, R15.4 (via keys), R15.6. */
class RegistryTest {

	private final OtpRuntime runtime = OtpRuntime.create();

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void aRegisteredProcessIsFoundAndReachedByName() {
		TestProbe probe = TestProbe.spawn(this.runtime);

		this.runtime.register("printer", probe.pid());
		this.runtime.send(this.runtime.named("printer"), "hello");

		assertThat(this.runtime.whereis("printer")).isEqualTo(probe.pid());
		assertThat(this.runtime.registeredNames()).contains("printer");
		probe.expectMessage("hello");
	}

	@Test
	void unregisterFreesTheNameButLeavesTheProcessRunning() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", probe.pid());

		boolean held = this.runtime.unregister("printer");

		assertThat(held).isTrue();
		assertThat(this.runtime.whereis("printer")).isNull();
		assertThat(this.runtime.isAlive(probe.pid())).isTrue();
		assertThat(this.runtime.info(probe.pid()).orElseThrow().registeredName()).isNull();
	}

	// R15.2
	@Test
	void registeringATakenNameFailsAndNamesTheHolder() {
		TestProbe holder = TestProbe.spawn(this.runtime);
		TestProbe other = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", holder.pid());

		assertThatThrownBy(() -> this.runtime.register("printer", other.pid()))
			.isInstanceOfSatisfying(NameAlreadyRegisteredException.class, (ex) -> {
				assertThat(ex.holder()).isEqualTo(holder.pid());
				assertThat(ex.name()).isEqualTo("printer");
			})
			.hasMessageContaining("printer")
			.hasMessageContaining(holder.pid().toString());
		assertThat(this.runtime.whereis("printer")).isEqualTo(holder.pid());
	}

	// R15.2
	@Test
	void spawningUnderATakenNameFailsAndTheProcessNeverRuns() {
		TestProbe holder = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", holder.pid());
		AtomicBoolean ran = new AtomicBoolean();
		long before = this.runtime.processCount();

		assertThatThrownBy(() -> this.runtime.spawn(() -> {
			ran.set(true);
			return (message) -> {
			};
		}, SpawnOptions.DEFAULTS.named("printer"))).isInstanceOf(NameAlreadyRegisteredException.class);

		assertThat(ran).isFalse();
		assertThat(this.runtime.processCount()).isEqualTo(before);
	}

	@Test
	void aProcessHasOneName() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.register("first", probe.pid());

		assertThatThrownBy(() -> this.runtime.register("second", probe.pid()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("first");
		assertThat(this.runtime.whereis("first")).isEqualTo(probe.pid());
		assertThat(this.runtime.whereis("second")).isNull();
	}

	@Test
	void registeringAnExitedProcessThrowsNoProcessException() {
		TestProbe dead = TestProbe.spawn(this.runtime);
		this.runtime.exit(dead.pid(), ExitReason.KILL);

		assertThatThrownBy(() -> this.runtime.register("printer", dead.pid())).isInstanceOf(NoProcessException.class);
		assertThat(this.runtime.whereis("printer")).isNull();
	}

	// R15.3
	@Test
	void theNameIsFreedWhenItsProcessExits() {
		TestProbe probe = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", probe.pid());

		this.runtime.exit(probe.pid(), ExitReason.KILL);

		assertThat(this.runtime.whereis("printer")).isNull();
		assertThat(this.runtime.registeredNames()).doesNotContain("printer");
	}

	// R15.3
	@Test
	void onceTheDownArrivesTheNameIsFreeAndCanBeReusedAtOnce() {
		TestProbe watcher = TestProbe.spawn(this.runtime);
		TestProbe named = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", named.pid());
		watcher.monitor(named.pid());

		named.crash(new IllegalStateException("boom"));
		watcher.expect(Down.class);

		assertThat(this.runtime.whereis("printer")).isNull();
		TestProbe successor = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", successor.pid());
		assertThat(this.runtime.whereis("printer")).isEqualTo(successor.pid());
	}

	// R15.3
	@Test
	void insideTheDownHandlerTheNameIsAlreadyFree() throws InterruptedException {
		TestProbe named = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", named.pid());
		BlockingQueue<Optional<Pid>> seenInDownHandler = new LinkedBlockingQueue<>();
		CountDownLatch monitoring = new CountDownLatch(1);
		this.runtime.spawn(() -> {
			Self.monitor(named.pid());
			monitoring.countDown();
			return (message) -> {
				if (message instanceof Down) {
					seenInDownHandler.add(Optional.ofNullable(this.runtime.whereis("printer")));
					this.runtime.spawn(() -> (next) -> {
					}, SpawnOptions.DEFAULTS.named("printer"));
				}
			};
		});
		Gate.await(monitoring);

		named.crash(new IllegalStateException("boom"));

		assertThat(poll(seenInDownHandler)).isEmpty();
		await().atMost(TestProbe.TIMEOUT).until(() -> this.runtime.whereis("printer") != null);
	}

	// R15.6
	@Test
	void whereisNeverReturnsAnExitedPid() {
		for (int i = 0; i < 1_000; i++) {
			TestProbe probe = TestProbe.spawn(this.runtime);
			this.runtime.register("short-lived", probe.pid());
			this.runtime.exit(probe.pid(), ExitReason.KILL);

			assertThat(this.runtime.whereis("short-lived")).isNull();
			assertThat(this.runtime.named("short-lived").whereis()).isNull();
			assertThat(probe.pid().whereis()).isNull();
		}
	}

	@Test
	void sendingToAnUnregisteredNameThrowsNoProcessExceptionNamingIt() {
		assertThatThrownBy(() -> this.runtime.send(this.runtime.named("nobody"), "hello"))
			.isInstanceOfSatisfying(NoProcessException.class,
					(ex) -> assertThat(ex.process()).isEqualTo(this.runtime.named("nobody")))
			.hasMessageContaining("nobody");
	}

	@Test
	void aNamedReferenceFollowsTheNameToWhoeverHoldsItNow() {
		RegisteredName printer = this.runtime.named("printer");
		TestProbe first = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", first.pid());
		this.runtime.send(printer, "to first");
		first.expectMessage("to first");
		this.runtime.exit(first.pid(), ExitReason.KILL);
		TestProbe second = TestProbe.spawn(this.runtime);
		this.runtime.register("printer", second.pid());

		this.runtime.send(printer, "to second");

		second.expectMessage("to second");
	}

	// R15.4
	@Test
	void viaKeysWorkAsNames() {
		TestProbe alice = TestProbe.spawn(this.runtime);
		TestProbe bob = TestProbe.spawn(this.runtime);
		this.runtime.register(new Via("session", "alice"), alice.pid());
		this.runtime.register(new Via("session", "bob"), bob.pid());

		this.runtime.send(this.runtime.named(new Via("session", "alice")), "hi alice");

		assertThat(this.runtime.whereis(new Via("session", "bob"))).isEqualTo(bob.pid());
		assertThat(this.runtime.whereis(new Via("cart", "alice"))).isNull();
		alice.expectMessage("hi alice");
		TestProbe impostor = TestProbe.spawn(this.runtime);
		assertThatThrownBy(() -> this.runtime.register(new Via("session", "alice"), impostor.pid()))
			.isInstanceOf(NameAlreadyRegisteredException.class);
	}

	private static <T> T poll(BlockingQueue<T> queue) throws InterruptedException {
		T value = queue.poll(TestProbe.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(value).as("a value within %s", TestProbe.TIMEOUT).isNotNull();
		return value;
	}

}
