package dev.supergraph.starter.errors;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.observability.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes the GraphQL-shaped error body ({@code {"errors":[...]}}) for requests refused
 * before GraphQL execution: bad tokens, oversized or malformed bodies, unknown routes.
 */
public final class ErrorResponseWriter {

	private final ErrorMessages messages;

	private final JsonMapper json;

	public ErrorResponseWriter(ErrorMessages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/**
	 * Write an error response with the code's HTTP status and default message.
	 * @param request the refused request
	 * @param response the response to write
	 * @param code the error code
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
		write(request, response, code, this.messages.get(code, RequestLanguages.of(request)));
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
			throws IOException {
		write(request, response, code.httpStatus().value(), code, message);
	}

	/**
	 * Write an error response with an explicit HTTP status, e.g. 413 for an oversized
	 * body.
	 * @param request the refused request
	 * @param response the response to write
	 * @param status the HTTP status
	 * @param code the error code
	 * @param message the client message
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code,
			String message) throws IOException {
		write(request, response, status, code, message, Map.of());
	}

	/**
	 * Write an error response with an explicit HTTP status and further extensions, e.g.
	 * {@code retryAfterSeconds} for {@code RATE_LIMITED}.
	 * @param request the refused request
	 * @param response the response to write
	 * @param status the HTTP status
	 * @param code the error code
	 * @param message the client message
	 * @param extensions extensions beside the code and request id
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code,
			String message, Map<String, Object> extensions) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body(request, code, message, extensions));
	}

	/**
	 * Write the answer to a request refused before GraphQL: its status,
	 * {@code BAD_USER_INPUT}, its reason and the field at fault.
	 * @param request the refused request
	 * @param response the response to write
	 * @param refusal why it is refused
	 * @throws IOException when the response cannot be written
	 */
	public void refuse(HttpServletRequest request, HttpServletResponse response, RequestRefusal refusal)
			throws IOException {
		write(request, response, refusal.status(), ErrorCode.BAD_USER_INPUT, message(request, refusal),
				extensions(refusal));
	}

	String message(HttpServletRequest request, RequestRefusal refusal) {
		return this.messages.get(ErrorCode.BAD_USER_INPUT, refusal.messageKey(), refusal.arguments(),
				RequestLanguages.of(request));
	}

	static Map<String, Object> extensions(RequestRefusal refusal) {
		String parameter = refusal.parameter();
		return (parameter != null)
				? Map.of(ErrorExtensions.REASON, refusal.reason(), RequestRefusal.PARAMETER, parameter)
				: ErrorExtensions.reason(refusal.reason());
	}

	Map<String, Object> body(HttpServletRequest request, ErrorCode code, String message,
			Map<String, Object> extensions) {
		Object id = request.getAttribute(RequestIds.KEY);
		String requestId = (id instanceof String value) ? value : RequestIds.choose(null, null);
		Map<String, Object> all = ErrorExtensions.of(code, requestId);
		all.putAll(extensions);
		return Map.of("errors", List.of(Map.of("message", message, "extensions", all)));
	}

	public ErrorMessages messages() {
		return this.messages;
	}

}
