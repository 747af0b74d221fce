package dev.supergraph.starter.errors;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.supergraph.starter.observability.RequestIds;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;

/**
 * Answers the errors Tomcat raises before any filter or servlet runs (a request line or
 * headers over {@code server.max-http-request-header-size}, a malformed request line,
 * header or URI) in the GraphQL error shape, as {@link GraphQlErrorController} answers
 * the rest, instead of Tomcat's HTML error page. What is too large is told apart as the
 * router tells it ({@code router/transport-errors.mjs}): a request line over the limit is
 * 414 {@code URI_TOO_LONG}, headers over it, or more header lines than
 * {@code maxHeaderCount}, 431 {@code HEADERS_TOO_LARGE}; Tomcat answered both 400, as
 * malformed. An {@code Expect} Tomcat does not meet is 417 {@code EXPECTATION_FAILED}.
 */
final class TransportErrorValve extends ErrorReportValve {

	/** The reason of a request line over the limit, as the router names it. */
	static final String URI_TOO_LONG = "URI_TOO_LONG";

	/**
	 * The reason of headers over the limit, in size or in lines, as the router names it.
	 */
	static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";

	/**
	 * The reason of an {@code Expect} other than {@code 100-continue}, as the router
	 * names it.
	 */
	static final String EXPECTATION_FAILED = "EXPECTATION_FAILED";

	// Tomcat's own messages of the two, in the locale it raised them in
	private static final StringManager parserMessages = StringManager.getManager("org.apache.coyote.http11");

	private static final StringManager headerMessages = StringManager.getManager("org.apache.tomcat.util.http");

	private final ErrorResponseWriter writer;

	TransportErrorValve(ErrorResponseWriter writer) {
		this.writer = writer;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		try {
			String requestId = RequestIds.choose(null, null);
			request.setAttribute(RequestIds.KEY, requestId);
			response.resetBuffer();
			response.setHeader(RequestIds.HEADER, requestId);
			// 501 and 505 refuse a transfer coding or an HTTP version the client sent:
			// its mistake, so no 5xx and no INTERNAL
			int answered = (status == 501 || status == 505) ? 400 : status;
			String tooLarge = (answered == 400) ? tooLarge(request, throwable) : null;
			if (tooLarge != null) {
				boolean uri = tooLarge.equals(URI_TOO_LONG);
				this.writer.write(request, response, uri ? 414 : 431, ErrorCode.BAD_USER_INPUT, this.writer.messages()
					.get(ErrorCode.BAD_USER_INPUT, uri ? ErrorMessages.URI_TOO_LONG : ErrorMessages.HEADERS_TOO_LARGE,
							new Object[0], RequestLanguages.of(request)),
						ErrorExtensions.reason(tooLarge));
				response.finishResponse();
				return;
			}
			ErrorCode code = ErrorCode.forHttpStatus(answered);
			if (answered == 417) {
				this.writer.write(request, response, answered, code,
						this.writer.messages()
							.get(code, ErrorMessages.EXPECTATION_FAILED, new Object[0], RequestLanguages.of(request)),
						ErrorExtensions.reason(EXPECTATION_FAILED));
			}
			else if (answered == 400) {
				this.writer.write(request, response, answered, code,
						this.writer.messages()
							.get(code, ErrorMessages.MALFORMED_HTTP, new Object[0], RequestLanguages.of(request)),
						ErrorExtensions.reason(ErrorExtensions.MALFORMED_HTTP));
			}
			else {
				this.writer.write(request, response, answered, code,
						this.writer.messages().get(code, RequestLanguages.of(request)));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot be written: nothing to tell it
		}
	}

	/**
	 * The reason a request Tomcat refused as malformed was too large, or {@code null}:
	 * Tomcat's parser raised its own message of a head over its buffer while the request
	 * line was read (no URI yet: {@link #URI_TOO_LONG}) or after
	 * ({@link #HEADERS_TOO_LARGE}), or its headers their message of more lines than the
	 * connector takes.
	 */
	private static @Nullable String tooLarge(Request request, @Nullable Throwable throwable) {
		if (throwable instanceof IllegalArgumentException
				&& parserMessages.getString("iib.requestheadertoolarge.error").equals(throwable.getMessage())) {
			return request.getCoyoteRequest().requestURI().isNull() ? URI_TOO_LONG : HEADERS_TOO_LARGE;
		}
		if (throwable instanceof IllegalStateException
				&& request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol
				&& headerMessages.getString("headers.maxCountFail", protocol.getMaxHeaderCount())
					.equals(throwable.getMessage())) {
			return HEADERS_TOO_LARGE;
		}
		return null;
	}

}
