package dev.otpspring.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter the sample refuses: a 400 problem response naming the parameter. */
public final class BadInput {

	private BadInput() {
	}

	/** The exception to throw for a bad {@code parameter}; its detail says what was wrong. */
	public static ErrorResponseException of(String parameter, String problem) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + parameter + "' " + problem);
		detail.setProperty("parameter", parameter);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
	}

}
