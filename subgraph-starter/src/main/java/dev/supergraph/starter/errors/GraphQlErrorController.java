package dev.supergraph.starter.errors;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel {@code /error} with the GraphQL error shape, so a
 * malformed JSON body, a wrong content type or an unknown path also answer with a
 * documented code and never with an exception message or stack trace.
 */
@RestController
class GraphQlErrorController implements ErrorController {

	private final ErrorResponseWriter writer;

	GraphQlErrorController(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int httpStatus = (status instanceof Integer value) ? value : 500;
		ErrorCode code = ErrorCode.forHttpStatus(httpStatus);
		String message = this.writer.messages().get(code, request.getLocale());
		if (httpStatus == 400) {
			message = this.writer.messages().get(code, "input.malformedRequest", new Object[0], request.getLocale());
		}
		return ResponseEntity.status(httpStatus).body(this.writer.body(request, code, message, Map.of()));
	}

}
