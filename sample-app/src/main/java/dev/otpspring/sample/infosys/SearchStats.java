package dev.otpspring.sample.infosys;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.otpspring.genserver.GenServer;
import dev.otpspring.process.OtpRuntime;
import dev.otpspring.process.RegisteredName;

/**
 * The client API of {@link SearchStatsServer}: what Elixir puts at the top of a GenServer module.
 * It addresses the server by its registered name, so it keeps working across restarts.
 */
@Component
public class SearchStats {

	private final RegisteredName server;

	SearchStats(OtpRuntime runtime) {
		this.server = runtime.named(SearchStatsConfiguration.NAME);
	}

	/** Counts one search; returns at once (a cast, so it never fails even if the server is down). */
	public void record(List<BackendReport> reports) {
		GenServer.cast(this.server, new SearchStatsServer.Record(reports));
	}

	/** The counts so far (a call: waits up to a second for the server's answer). */
	public SearchStatsServer.Snapshot snapshot() {
		return (SearchStatsServer.Snapshot) GenServer.call(this.server, new SearchStatsServer.GetSnapshot(),
				Duration.ofSeconds(1));
	}

}
