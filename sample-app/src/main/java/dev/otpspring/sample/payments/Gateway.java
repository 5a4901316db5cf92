package dev.otpspring.sample.payments;

import dev.otpspring.spring.annotation.GenServer;
import dev.otpspring.spring.annotation.OnInit;

/**
 * Takes payments and books them in the {@link Ledger}: the second child of the {@code payments}
 * supervisor, started after the ledger ({@code order = 2}).
 * <p>
 * At every start it opens a session with the ledger and keeps it in its state — a dependency on
 * the ledger's current incarnation, like a connection. Under {@code rest_for_one} a ledger crash
 * restarts the gateway right after the new ledger, so the session is always fresh; a gateway
 * crash restarts the gateway alone and the ledger keeps its balances.
 * <p>
 * Try the alternative: set {@code otp.supervisors.payments.strategy} to {@code one-for-one}, crash
 * the ledger, and the next payment finds a stale session — the gateway crashes then, on a
 * customer's request, instead of being restarted at once.
 */
@GenServer(supervisor = "payments", order = 2)
public class Gateway {

	private final Ledger ledger;

	private String session;

	public Gateway(Ledger ledger) {
		this.ledger = ledger;
	}

	@OnInit
	void connect() {
		// Runs inside the gateway's process at every (re)start; the ledger is already running.
		this.session = this.ledger.openSession();
	}

	/** The ledger session this incarnation opened. */
	public String session() {
		return this.session;
	}

	/** Books a payment; crashes the gateway if its ledger session has gone stale. */
	public Ledger.Transfer pay(String from, String to, long amount) {
		Ledger.Transfer transfer = this.ledger.transfer(this.session, from, to, amount);
		if (transfer instanceof Ledger.Transfer.Rejected rejected && rejected.staleSession()) {
			// Our state is wrong, not the request: let it crash, and the restart opens a new session.
			throw new IllegalStateException("Gateway lost its ledger session: " + rejected.reason());
		}
		return transfer;
	}

}
