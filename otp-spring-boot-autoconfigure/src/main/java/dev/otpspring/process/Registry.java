package dev.otpspring.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unique local names: {@code register}, {@code whereis}, {@code unregister} (R15.x).
 * <p>
 * Thread-safe. A name is released when its process exits, before any monitor hears of the exit
 * (R15.3), and a lookup never returns a dead Pid: an entry whose holder has exited counts as
 * free, so a restarted service can take its name back at once (R15.6).
 */
final class Registry {

	private final ConcurrentHashMap<Object, ProcessCell> names = new ConcurrentHashMap<>();

	/** Maps {@code name} to {@code cell} unless a live process holds it; see {@link ProcessCell#register}. */
	void claim(Object name, ProcessCell cell) {
		for (;;) {
			ProcessCell holder = this.names.putIfAbsent(name, cell);
			if (holder == null) {
				return;
			}
			if (holder.isAlive()) {
				throw new NameAlreadyRegisteredException(name, holder.pid);
			}
			if (this.names.replace(name, holder, cell)) {
				return;
			}
		}
	}

	ProcessCell lookup(Object name) {
		ProcessCell cell = this.names.get(name);
		return (cell != null && cell.isAlive()) ? cell : null;
	}

	boolean unregister(Object name) {
		ProcessCell holder = this.names.get(name);
		if (holder == null || !this.names.remove(name, holder)) {
			return false;
		}
		holder.clearName(name);
		return holder.isAlive();
	}

	/** Called by an exiting process for its own name. */
	void remove(Object name, ProcessCell cell) {
		this.names.remove(name, cell);
	}

	List<Object> names() {
		List<Object> live = new ArrayList<>();
		this.names.forEach((name, cell) -> {
			if (cell.isAlive()) {
				live.add(name);
			}
		});
		return live;
	}

	int size() {
		return this.names.size();
	}

}
