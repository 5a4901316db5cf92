package dev.otpspring.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.otpspring.genserver.CallTimeoutException;
import dev.otpspring.genserver.ProcessExitException;
import dev.otpspring.process.NoProcessException;
import dev.otpspring.spring.OtpSupervisionTree;
import dev.otpspring.spring.SupervisionTreeDownException;

/**
 * What an HTTP client sees when a service it called crashed, is restarting, or is too slow: a
 * problem response (RFC 9457) with a status that says "try again", instead of a bare 500. The
 * request failed; the service did not stay broken — its supervisor is restarting it. Once the root
 * supervisor has given up, though, the answer says the whole tree is down.
 */
@RestControllerAdvice
class ServiceErrors {

	private final OtpSupervisionTree tree;

	ServiceErrors(OtpSupervisionTree tree) {
		this.tree = tree;
	}

	@ExceptionHandler
	ProblemDetail crashed(ProcessExitException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The service crashed while handling the request (" + ex.reason()
				+ "); its supervisor restarts it. Try again.");
	}

	@ExceptionHandler
	ProblemDetail notRunning(NoProcessException ex) {
		if (this.tree.state() == OtpSupervisionTree.State.BROKEN) {
			// An Agent handle is no @GenServer proxy: it does not know the tree is down, so say it here.
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "The service is not running (" + ex.getMessage()
					+ ") and will not be: the OTP supervision tree is down, its root supervisor gave up.");
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The service is not running right now (" + ex.getMessage()
				+ "); it is probably being restarted. Try again.");
	}

	@ExceptionHandler
	ProblemDetail treeDown(SupervisionTreeDownException ex) {
		// Not "try again": the root supervisor gave up, and nothing restarts the services in this JVM.
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail tooSlow(CallTimeoutException ex) {
		return problem(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

}
