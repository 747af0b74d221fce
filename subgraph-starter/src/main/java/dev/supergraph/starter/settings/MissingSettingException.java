package dev.supergraph.starter.settings;

/**
 * A start that cannot go on because a setting it needs in this profile is not set.
 * {@link MissingSettingFailureAnalyzer} reports it in a few lines with what to set,
 * instead of a bean-creation stack trace.
 */
public class MissingSettingException extends IllegalStateException {

	private final String action;

	/**
	 * A missing setting.
	 * @param setting the setting, or the settings of which one is needed
	 * @param why why the start needs it
	 * @param action what the operator should set
	 */
	public MissingSettingException(String setting, String why, String action) {
		super(setting + " is not set: " + why);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
