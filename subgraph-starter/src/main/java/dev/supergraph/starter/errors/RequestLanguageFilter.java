package dev.supergraph.starter.errors;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the servlet API's {@code getLocale()} with {@link RequestLanguages}' choice, so
 * that everything reading it (Spring's request context, Spring Security's messages)
 * agrees with the router, and the servlet container never parses {@code Accept-Language}
 * itself: Tomcat refuses a header of more than ten ranges with an exception, which failed
 * the whole request as {@code INTERNAL}.
 */
final class RequestLanguageFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new RequestInLanguage(request, RequestLanguages.of(request)), response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static final class RequestInLanguage extends HttpServletRequestWrapper {

		private final Locale locale;

		RequestInLanguage(HttpServletRequest request, Locale locale) {
			super(request);
			this.locale = locale;
		}

		@Override
		public Locale getLocale() {
			return this.locale;
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(Collections.singletonList(this.locale));
		}

	}

}
