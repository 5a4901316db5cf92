package dev.otpspring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad request gets a problem response (RFC 9457) that names what was wrong, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class BadRequestTests {

	@Autowired
	RestTestClient client;

	@Test
	void aNonNumericAmountIsABadRequestNamingTheAmount() {
		assertProblem(this.client.post().uri("/api/payments?from=alice&to=bob&amount=ten"), 400, "amount");
	}

	@Test
	void aNegativeAmountIsABadRequestNamingTheAmount() {
		assertProblem(this.client.post().uri("/api/payments?from=alice&to=bob&amount=-5"), 400, "'amount' must be a positive");
	}

	@Test
	void aMissingAmountIsABadRequestNamingTheAmount() {
		assertProblem(this.client.post().uri("/api/payments?from=alice&to=bob"), 400, "amount");
	}

	@Test
	void aHugeQueryIsABadRequestNamingTheQuery() {
		assertProblem(this.client.get().uri("/api/search?q=" + "a".repeat(5000)), 400, "'q' must be 1 to 200 characters");
	}

	@Test
	void aNegativeTimeoutIsABadRequestNamingTheTimeout() {
		assertProblem(this.client.get().uri("/api/search?q=erlang&timeout=-1s"), 400, "'timeout' must be positive");
	}

	@Test
	void aTimeoutThatIsNotADurationIsABadRequestNamingTheTimeout() {
		assertProblem(this.client.get().uri("/api/search?q=erlang&timeout=soon"), 400, "timeout");
	}

	@Test
	void crashingAnUnknownProcessIsNotFoundNamingIt() {
		assertProblem(this.client.post().uri("/api/crash/nobody"), 404, "'nobody'");
	}

	@Test
	void readingAnUnknownCacheKeyIsNotFoundNamingIt() {
		assertProblem(this.client.get().uri("/api/cache/no-such-key"), 404, "'no-such-key'");
	}

	@Test
	void aCrashAnswersOnceTheCounterIsBackSoTheNextReadFindsIt() {
		this.client.post().uri("/api/counter/inc").exchange().expectStatus().isOk();

		this.client.post().uri("/api/counter/crash").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.restartedAs").value(String.class, (pid) -> assertThat(pid).startsWith("<"));

		this.client.get().uri("/api/counter").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.value").isEqualTo(0);
	}

	private static void assertProblem(RestTestClient.RequestHeadersSpec<?> request, int status, String detail) {
		request.exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").value(String.class, (text) -> assertThat(text).contains(detail));
	}

}
