package dev.otpspring.sample.payments;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.otpspring.spring.annotation.GenServer;

/**
 * The accounts, in a process of their own: the first child of the {@code payments} supervisor
 * ({@code rest_for_one}, see {@code application.yaml}). The {@link Gateway} starts after it and
 * depends on it: it opens a session with this ledger when it starts.
 * <p>
 * Each incarnation has a new session id. When the ledger crashes and restarts, sessions opened
 * with the old one are void — which is why {@code rest_for_one} restarts the gateway too. The
 * balances also start over: a real ledger would reload them from its database here.
 * <p>
 * Bad requests are answered with {@link Transfer.Rejected}, not with an exception: an exception
 * would crash the ledger for a mistake that is the caller's.
 */
@GenServer(supervisor = "payments", order = 1)
public class Ledger {

	private final String session = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private final Map<String, Long> balances = new TreeMap<>(Map.of("alice", 100L, "bob", 100L, "carol", 100L));

	/** The session id of this incarnation. */
	public String openSession() {
		return this.session;
	}

	/** A copy of the balances (never the map itself: it belongs to this process). */
	public Map<String, Long> balances() {
		return new TreeMap<>(this.balances);
	}

	/** Moves {@code amount} from one account to another, for a caller holding a session of this incarnation. */
	public Transfer transfer(String session, String from, String to, long amount) {
		if (!this.session.equals(session)) {
			return new Transfer.Rejected("session " + session + " is not one of this ledger (" + this.session
					+ "): the ledger restarted since it was opened", true);
		}
		if (!this.balances.containsKey(from) || !this.balances.containsKey(to)) {
			return new Transfer.Rejected("unknown account; accounts are " + this.balances.keySet(), false);
		}
		if (amount <= 0 || this.balances.get(from) < amount) {
			return new Transfer.Rejected("cannot move " + amount + " from " + from + " (balance " + this.balances.get(from) + ")",
					false);
		}
		this.balances.merge(from, -amount, Long::sum);
		this.balances.merge(to, amount, Long::sum);
		return new Transfer.Done(from, to, amount, balances());
	}

	/** The outcome of {@link #transfer}. */
	public sealed interface Transfer {

		/**
		 * The money moved.
		 * @param from the debited account
		 * @param to the credited account
		 * @param amount how much
		 * @param balances the balances afterwards
		 */
		record Done(String from, String to, long amount, Map<String, Long> balances) implements Transfer {
		}

		/**
		 * Nothing moved.
		 * @param reason why
		 * @param staleSession whether the caller's session belongs to an earlier incarnation of the ledger
		 */
		record Rejected(String reason, boolean staleSession) implements Transfer {
		}

	}

}
