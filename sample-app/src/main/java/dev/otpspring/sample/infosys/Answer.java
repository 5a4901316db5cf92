package dev.otpspring.sample.infosys;

/**
 * One answer from one backend; {@link InfoSys} shows the best scores first.
 *
 * @param backend who answered
 * @param text the answer
 * @param score how good the backend thinks it is, 0 to 100
 */
public record Answer(String backend, String text, int score) {
}
