package dev.supergraph.starter.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link MissingSettingException} as Spring Boot reports a value out of range:
 * what is missing and why, and what to set.
 */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
