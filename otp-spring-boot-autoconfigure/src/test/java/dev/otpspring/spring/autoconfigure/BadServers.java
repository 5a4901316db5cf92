package dev.otpspring.spring.autoconfigure;

import dev.otpspring.spring.annotation.Cast;
import dev.otpspring.spring.annotation.GenServer;

/** @GenServer classes the tree must reject, each for one reason. */
final class BadServers {

	private BadServers() {
	}

	@GenServer
	public static final class FinalServer {

		public int value() {
			return 1;
		}

	}

	@GenServer
	public abstract static class AbstractServer {

		public abstract int value();

	}

	@GenServer
	public static class NonVoidCastServer {

		@Cast
		public int value() {
			return 1;
		}

	}

	@GenServer(supervisor = "nowhere")
	public static class LostServer {

	}

	@GenServer(name = "twin")
	public static class FirstTwin {

	}

	@GenServer(name = "twin")
	public static class SecondTwin {

	}

	@GenServer(supervisor = "sessions")
	public static class UnderDynamicServer {

	}

	@GenServer
	public static class FailingServer {

		FailingServer() {
			throw new IllegalStateException("cannot start");
		}

	}

}
