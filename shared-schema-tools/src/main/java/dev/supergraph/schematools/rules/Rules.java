package dev.supergraph.schematools.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** The rule set: one rule per change kind, looked up by the change's kind. */
public final class Rules {

	private static final List<ChangeRule> ALL = List.of(new AccessPolicyChangedRule(), new ArgumentAddedRule(),
			new ArgumentDefaultChangedRule(), new ArgumentMadeRequiredRule(), new ArgumentRemovedRule(),
			new ArgumentTypeChangedRule(), new DeprecationAddedRule(), new DeprecationReasonChangedRule(),
			new DeprecationRemovedRule(), new DescriptionChangedRule(), new DirectiveAddedRule(),
			new DirectiveArgumentAddedRule(), new DirectiveArgumentRemovedRule(), new DirectiveLocationAddedRule(),
			new DirectiveLocationRemovedRule(), new DirectiveRemovedRule(), new EnumValueAddedRule(),
			new EnumValueRemovedRule(), new ExternalAddedRule(), new ExternalRemovedRule(), new FieldAddedRule(),
			new FieldRemovedRule(), new FieldTypeChangedRule(), new InaccessibleAddedRule(),
			new InaccessibleRemovedRule(), new InputFieldAddedRule(), new InputFieldDefaultChangedRule(),
			new InputFieldMadeRequiredRule(), new InputFieldRemovedRule(), new InputFieldTypeChangedRule(),
			new InterfaceAddedRule(), new OneOfAddedRule(), new OneOfRemovedRule(), new InterfaceRemovedRule(),
			new KeyAddedRule(), new KeyRemovedRule(), new OverrideAddedRule(), new OverrideChangedRule(),
			new OverrideRemovedRule(), new ProvidesAddedRule(), new ProvidesChangedRule(), new ProvidesRemovedRule(),
			new RequiredArgumentAddedRule(), new RequiredDirectiveArgumentAddedRule(),
			new RequiredInputFieldAddedRule(), new RequiresAddedRule(), new RequiresChangedRule(),
			new RequiresRemovedRule(), new RootTypeChangedRule(), new ShareableAddedRule(), new ShareableRemovedRule(),
			new TagAddedRule(), new TagRemovedRule(), new TypeAddedRule(), new TypeKindChangedRule(),
			new TypeRemovedRule(), new UnionMemberAddedRule(), new UnionMemberRemovedRule());

	private static final Map<ChangeKind, ChangeRule> BY_KIND = index();

	private Rules() {
	}

	public static List<ChangeRule> all() {
		return ALL;
	}

	public static Classification classify(Change change) {
		return BY_KIND.get(change.kind()).classify(change);
	}

	private static Map<ChangeKind, ChangeRule> index() {
		Map<ChangeKind, ChangeRule> byKind = new EnumMap<>(ChangeKind.class);
		for (ChangeRule rule : ALL) {
			if (byKind.put(rule.kind(), rule) != null) {
				throw new IllegalStateException("two rules for " + rule.kind());
			}
		}
		return byKind;
	}

}
