package dev.otpspring.process;

/**
 * The one message a monitor delivers when the monitored process exits (R13.4): the Java form
 * of {@code {'DOWN', ref, process, pid, reason}}. A monitor of a process that is already dead
 * delivers {@code Down} at once with reason {@code noproc}.
 *
 * @param monitor the reference returned by {@link Self#monitor}
 * @param pid the process that exited
 * @param reason why it exited
 */
public record Down(MonitorRef monitor, Pid pid, ExitReason reason) {
}
