package dev.supergraph.starter.errors;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.supergraph.starter.observability.RequestIds;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Answers the errors Tomcat raises before any filter or servlet runs (a request line or
 * headers over {@code server.max-http-request-header-size}, a malformed request line,
 * header or URI) in the GraphQL error shape, as {@link GraphQlErrorController} answers
 * the rest, instead of Tomcat's HTML error page.
 */
final class TransportErrorValve extends ErrorReportValve {

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
			ErrorCode code = ErrorCode.forHttpStatus(answered);
			if (answered == 400) {
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

}
