package dev.otpspring.process;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The links and exit observers (monitors, watches) of one process, and the monitors it holds on
 * others, which its exit must withdraw.
 * <p>
 * Not thread-safe: the owning {@link ProcessCell} guards it with its lock. Most processes have
 * no relation or a single link to their supervisor, so each kind holds one element directly and
 * grows into a set only when a second arrives — that keeps an idle process small.
 */
final class Relations {

	private Object links;

	private Object observers;

	private Object monitors;

	void addLink(ProcessCell cell) {
		this.links = add(this.links, cell);
	}

	boolean removeLink(ProcessCell cell) {
		if (this.links == cell) {
			this.links = null;
			return true;
		}
		return this.links instanceof Many many && many.remove(cell);
	}

	boolean hasLink(ProcessCell cell) {
		return this.links == cell || (this.links instanceof Many many && many.contains(cell));
	}

	void addObserver(ExitObserver observer) {
		this.observers = add(this.observers, observer);
	}

	void removeObserver(ExitObserver observer) {
		if (this.observers == observer) {
			this.observers = null;
		}
		else if (this.observers instanceof Many many) {
			many.remove(observer);
		}
	}

	void addMonitor(MonitorRef monitor) {
		this.monitors = add(this.monitors, monitor);
	}

	void removeMonitor(MonitorRef monitor) {
		if (this.monitors == monitor) {
			this.monitors = null;
		}
		else if (this.monitors instanceof Many many) {
			many.remove(monitor);
		}
	}

	/** Whether nothing is left: the owner can drop this object. */
	boolean isEmpty() {
		return count(this.links) == 0 && count(this.observers) == 0 && count(this.monitors) == 0;
	}

	int observerCount() {
		return count(this.observers);
	}

	@SuppressWarnings("unchecked")
	List<ProcessCell> links() {
		return (List<ProcessCell>) (List<?>) list(this.links);
	}

	@SuppressWarnings("unchecked")
	List<ExitObserver> observers() {
		return (List<ExitObserver>) (List<?>) list(this.observers);
	}

	@SuppressWarnings("unchecked")
	List<MonitorRef> monitors() {
		return (List<MonitorRef>) (List<?>) list(this.monitors);
	}

	private static Object add(Object set, Object element) {
		if (set == null || set == element) {
			return element;
		}
		if (set instanceof Many many) {
			many.add(element);
			return many;
		}
		Many many = new Many();
		many.add(set);
		many.add(element);
		return many;
	}

	private static int count(Object set) {
		return (set == null) ? 0 : (set instanceof Many many) ? many.size() : 1;
	}

	private static List<Object> list(Object set) {
		return (set == null) ? List.of() : (set instanceof Many many) ? List.copyOf(many) : List.of(set);
	}

	/** Insertion-ordered, so signals go out in the order relations were made. */
	private static final class Many extends LinkedHashSet<Object> {

	}

}
