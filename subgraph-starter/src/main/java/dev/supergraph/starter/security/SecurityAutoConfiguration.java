package dev.supergraph.starter.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import dev.supergraph.starter.errors.RequestLanguages;
import dev.supergraph.starter.settings.MissingSettingException;
import dev.supergraph.starter.sharedstate.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Authentication of every subgraph: stateless OAuth2 bearer tokens. Requests without a
 * token run as anonymous (resolvers decide what anonymous may see); a bad or expired
 * token is refused with {@code UNAUTHENTICATED} before any GraphQL work.
 */
@AutoConfiguration(after = ErrorsAutoConfiguration.class,
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication
@EnableConfigurationProperties({ SecurityProperties.class, ApiKeyProperties.class, RouterSignatureProperties.class })
public final class SecurityAutoConfiguration {

	/**
	 * Percent-encodings a path needs not (RFC 3986, 6.2.2: a letter, digit, {@code -._~},
	 * or a control character, which may appear in no path), refused as the firewall
	 * refuses an encoded {@code /}, {@code ;} or {@code %}: a path is read only in the
	 * one form that names it, as at the router ({@code isNormalPath} in
	 * {@code router/transport-errors.mjs}). Tomcat decoded {@code /graphq%6C} and served
	 * it as {@code /graphql}, which the router did not find.
	 */
	private static final List<String> NEEDLESS_ENCODINGS = needlessEncodings();

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
		return JwtDecoders.create(properties, environment);
	}

	@Bean
	ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyProperties properties, JsonMapper json) {
		Path file = properties.file();
		return new ApiKeyAuthenticationProvider(
				(file != null) ? new ApiKeyStore(file, properties.reloadInterval(), Clock.systemUTC(), json) : null);
	}

	/**
	 * No observation of Spring Security's filters, authentications or authorizations: a
	 * span and a timer per filter of every request, while refusals are counted and logged
	 * by the starter's own error codes and audit log. Turning those observations off by a
	 * predicate still wrapped every filter of the chain.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityFilterChain subgraphSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, ErrorResponseWriter errors,
			ApiKeyAuthenticationProvider apiKeys) throws Exception {
		// API keys of machine clients, forwarded by the router; checked before bearer
		// tokens
		AuthenticationFilter apiKeyFilter = new AuthenticationFilter(new ProviderManager(apiKeys),
				new ApiKeyAuthenticationConverter());
		apiKeyFilter.setSuccessHandler((request, response, authentication) -> {
		});
		apiKeyFilter
			.setFailureHandler((request, response, ex) -> errors.write(request, response, ErrorCode.UNAUTHENTICATED));
		http.addFilterBefore(apiKeyFilter, BearerTokenAuthenticationFilter.class);
		// Stateless: no session (its filter and URL-encoding wrapper), no saved
		// request, no logout, no servlet-API request wrapper (nothing asks the
		// request for its principal); each was paid on every request.
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.headers((headers) -> headers.withObjectPostProcessor(headersBeforeTheChain()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.oauth2ResourceServer((server) -> server.bearerTokenResolver(new BearerTokens())
				.jwt((jwt) -> jwt.decoder(decoder))
				.authenticationEntryPoint(
						(request, response, ex) -> errors.write(request, response, ErrorCode.UNAUTHENTICATED))
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response, ErrorCode.FORBIDDEN)));
		return http.build();
	}

	/**
	 * Spring Security's strict firewall, its rules for header names and values checked by
	 * {@link HeaderText} instead of its regular expressions: it checks a header each time
	 * it is read, the bearer token of every user request among them.
	 * @return the firewall
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall subgraphFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		// Any method Tomcat parsed (a token, RFC 9110) is well formed: a method a path
		// does
		// not take is 405 with the path's Allow, or 404 where nothing is served, as at
		// the
		// router. The firewall's list of seven refused PROPFIND and the like as
		// malformed.
		firewall.setUnsafeAllowAnyHttpMethod(true);
		firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
		firewall.getEncodedUrlBlocklist().addAll(NEEDLESS_ENCODINGS);
		return firewall;
	}

	private static List<String> needlessEncodings() {
		List<String> encodings = new ArrayList<>();
		for (int c = 0; c < 0x80; c++) {
			if (c < 0x20 || c == 0x7f || Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
				String hex = String.format("%02X", c);
				encodings.add("%" + hex);
				encodings.add("%" + hex.toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(new LinkedHashSet<>(encodings));
	}

	/**
	 * A request the firewall refuses (a header or URL it does not allow) is the client's
	 * mistake: {@code BAD_USER_INPUT} with the message of a malformed request line or
	 * header. Spring Security's default sent a bare 400, which the error page answered as
	 * a malformed body.
	 * @param errors the error writer
	 * @return the handler
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler subgraphRequestRejectedHandler(ErrorResponseWriter errors) {
		return (request, response, ex) -> errors.write(request, response, 400, ErrorCode.BAD_USER_INPUT,
				errors.messages()
					.get(ErrorCode.BAD_USER_INPUT, ErrorMessages.MALFORMED_HTTP, new Object[0],
							RequestLanguages.of(request)),
				ErrorExtensions.reason(ErrorExtensions.MALFORMED_HTTP));
	}

	/**
	 * The security headers written before the rest of the chain runs, not when the
	 * response commits: that would wrap the response in a wrapper every write of the body
	 * passes through.
	 */
	private static ObjectPostProcessor<HeaderWriterFilter> headersBeforeTheChain() {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends HeaderWriterFilter> O postProcess(O filter) {
				filter.setShouldWriteHeadersEagerly(true);
				return filter;
			}

		};
	}

	@Bean
	RouterSignature routerSignature(RouterSignatureProperties properties, Environment environment) {
		RouterSignature signature = new RouterSignature(properties.routerSecret());
		if (!signature.enabled() && environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new MissingSettingException("subgraph.security.router-secret",
					"with the prod profile a subgraph accepts only requests the router signs",
					"Set it (SUBGRAPH_SECURITY_ROUTER_SECRET) to the router's ROUTER_HMAC_SECRET, "
							+ "at least 32 characters (e.g. openssl rand -hex 32).");
		}
		return signature;
	}

	@Bean
	@ConditionalOnProperty("subgraph.security.router-secret")
	FilterRegistrationBean<RouterSignatureFilter> routerSignatureFilter(
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath, RouterSignature signature,
			RouterSignatureProperties properties, ErrorResponseWriter errors, ObjectProvider<SharedRedis> redis,
			ObjectProvider<MeterRegistry> registry) {
		Duration freshness = properties.routerFreshness();
		Duration keepFor = freshness.multipliedBy(2);
		Clock clock = Clock.systemUTC();
		SharedRedis shared = redis.getIfAvailable();
		NonceMemory nonces = (shared != null) ? new RedisNonces(shared, new LocalNonces(keepFor), clock,
				registry.getIfAvailable(SimpleMeterRegistry::new)) : new LocalNonces(keepFor);
		ReplayGuard replays = new ReplayGuard(freshness, clock, nonces);
		FilterRegistrationBean<RouterSignatureFilter> registration = new FilterRegistrationBean<>(
				new RouterSignatureFilter(graphQlPath, signature, replays, errors));
		// after the body size limit and the request shape check, before security and
		// GraphQL
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	RequestClientNames requestClientNames(ApiKeyAuthenticationProvider apiKeys) {
		return new RequestClientNames(apiKeys::keyClients);
	}

	@Bean
	ViewerInterceptor viewerInterceptor(RequestClientNames clientNames) {
		return new ViewerInterceptor(clientNames);
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaAuthorizationCustomizer(ObjectProvider<OwnershipRule> rules) {
		return (builder) -> builder.typeVisitors(List.of(new SchemaAuthorization(rules.orderedStream().toList())));
	}

	@Bean
	AuditTrailInstrumentation auditTrailInstrumentation(ObjectProvider<MeterRegistry> registry) {
		return new AuditTrailInstrumentation(new AuditLog(registry.getIfAvailable()));
	}

	@Bean
	ViewerArgumentResolver viewerArgumentResolver() {
		return new ViewerArgumentResolver();
	}

}
