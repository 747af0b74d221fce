package dev.supergraph.starter.errors;

import org.jspecify.annotations.Nullable;

/**
 * Why a request to the GraphQL endpoint is refused before any GraphQL work: the HTTP
 * status, the stable {@code extensions.reason} the router gives the same refusal
 * ({@code contract/request-refusals.json}, docs/security.md), the message key and, for a
 * request field of the wrong type, the field as {@code extensions.parameter}. Every
 * refusal is {@code BAD_USER_INPUT}.
 *
 * @param status the HTTP status
 * @param reason the {@code extensions.reason}
 * @param messageKey the key of the client message
 * @param parameter the request field at fault, if any
 * @param arguments the message's arguments
 */
public record RequestRefusal(int status, String reason, String messageKey, @Nullable String parameter,
		Object... arguments) {

	/** Extension key of the request field a refusal names. */
	public static final String PARAMETER = "parameter";

	public static RequestRefusal bodyTooLarge(long maxBytes) {
		return new RequestRefusal(413, "BODY_TOO_LARGE", "input.bodyTooLarge", null, maxBytes);
	}

	public static RequestRefusal methodNotAllowed(String allowed) {
		return new RequestRefusal(405, "METHOD_NOT_ALLOWED", "input.methodNotAllowed", null, allowed);
	}

	public static RequestRefusal unsupportedMediaType() {
		return new RequestRefusal(415, "UNSUPPORTED_MEDIA_TYPE", "input.requestShape", null);
	}

	public static RequestRefusal unsupportedContentEncoding() {
		return new RequestRefusal(415, "UNSUPPORTED_CONTENT_ENCODING", "input.unsupportedContentEncoding", null);
	}

	public static RequestRefusal notAcceptable() {
		return new RequestRefusal(406, "NOT_ACCEPTABLE", "input.notAcceptable", null);
	}

	public static RequestRefusal invalidUtf8() {
		return badRequest("INVALID_UTF8", "input.invalidEncoding");
	}

	public static RequestRefusal malformedJson() {
		return badRequest("MALFORMED_JSON", "input.malformedJson");
	}

	/**
	 * {@code variables} or {@code extensions} nested too deep; the field is named in the
	 * message only, as the router names it.
	 * @param field the request field
	 * @param maxDepth the deepest nesting taken
	 * @return the refusal
	 */
	public static RequestRefusal jsonTooDeep(String field, int maxDepth) {
		return new RequestRefusal(400, "JSON_TOO_DEEP", "input.jsonTooDeep", null, field, maxDepth);
	}

	/**
	 * A number in {@code variables}, {@code extensions} or the document written longer
	 * than the bound, as the router refuses it.
	 * @param maxLength the longest number taken, in characters
	 * @return the refusal
	 */
	public static RequestRefusal numberTooLong(int maxLength) {
		return new RequestRefusal(400, "NUMBER_TOO_LONG", "input.numberTooLong", null, maxLength);
	}

	public static RequestRefusal bodyNotObject() {
		return badRequest("INVALID_REQUEST_BODY", "input.bodyNotObject");
	}

	public static RequestRefusal batching() {
		return badRequest("BATCHING_NOT_SUPPORTED", "input.batching");
	}

	public static RequestRefusal notString(String parameter) {
		return new RequestRefusal(400, "INVALID_PARAMETER", "input.parameterNotString", parameter, parameter);
	}

	public static RequestRefusal notObject(String parameter) {
		return new RequestRefusal(400, "INVALID_PARAMETER", "input.parameterNotObject", parameter, parameter);
	}

	public static RequestRefusal repeated(String parameter) {
		return new RequestRefusal(400, "INVALID_PARAMETER", "input.parameterRepeated", parameter, parameter);
	}

	/**
	 * No operation of the document is the one to run: the key says which mistake it is,
	 * as the router says it.
	 * @param messageKey the key of the message
	 * @return the refusal
	 */
	public static RequestRefusal operationUnresolved(String messageKey) {
		return badRequest("OPERATION_RESOLUTION_FAILURE", messageKey);
	}

	public static RequestRefusal documentRequired() {
		return badRequest("DOCUMENT_REQUIRED", "input.documentRequired");
	}

	private static RequestRefusal badRequest(String reason, String messageKey) {
		return new RequestRefusal(400, reason, messageKey, null);
	}

	/**
	 * A refusal for a status that Spring MVC answered on its own (a header it could not
	 * parse), with the reason the starter gives that status; {@code null} for a status
	 * with no such reason.
	 * @param status the HTTP status
	 * @param allowed the {@code Allow} header of a 405, if set
	 * @return the refusal, or {@code null}
	 */
	static @Nullable RequestRefusal forStatus(int status, @Nullable String allowed) {
		return switch (status) {
			case 405 -> (allowed != null) ? methodNotAllowed(allowed) : null;
			case 406 -> notAcceptable();
			case 415 -> unsupportedMediaType();
			default -> null;
		};
	}

}
