package dev.otpspring.process;

/** What a process is doing right now, as in Erlang's {@code process_info(Pid, status)}. */
public enum ProcessStatus {

	/** Idle: no messages, and no thread. */
	WAITING,

	/** Has messages; its runner is starting. */
	RUNNABLE,

	/** A runner is handling its messages (it may be blocked inside a handler). */
	RUNNING,

	/** Has exited. */
	EXITED

}
