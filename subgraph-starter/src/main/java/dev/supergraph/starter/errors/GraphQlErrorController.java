package dev.supergraph.starter.errors;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel {@code /error} with the GraphQL error shape, so a
 * malformed JSON body, a wrong content type, an unknown path or a method an endpoint does
 * not take also answer with a documented code and never with an exception message or
 * stack trace. A method refused (405) is named with the methods the path takes, from the
 * {@code Allow} header Spring MVC set; a 405, 406 or 415 carries the reason the GraphQL
 * endpoint's own refusals of that status carry (a content type or {@code Accept} header
 * that Spring MVC could not parse reaches this page).
 */
@RestController
class GraphQlErrorController implements ErrorController {

	private final ErrorResponseWriter writer;

	GraphQlErrorController(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpServletResponse response) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// no error behind a request to the error page itself: a path that serves the
		// client nothing (it was a 500)
		int httpStatus = (status instanceof Integer value) ? value : 404;
		ErrorCode code = ErrorCode.forHttpStatus(httpStatus);
		RequestRefusal refusal = RequestRefusal.forStatus(httpStatus, response.getHeader(HttpHeaders.ALLOW));
		if (refusal != null) {
			return ResponseEntity.status(httpStatus)
				.body(this.writer.body(request, code, this.writer.message(request, refusal),
						ErrorResponseWriter.extensions(refusal)));
		}
		String message = (httpStatus == 400)
				? this.writer.messages()
					.get(code, "input.malformedRequest", new Object[0], RequestLanguages.of(request))
				: this.writer.messages().get(code, RequestLanguages.of(request));
		return ResponseEntity.status(httpStatus).body(this.writer.body(request, code, message, Map.of()));
	}

}
