package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Classifies the changes of one kind. */
public interface ChangeRule {

	ChangeKind kind();

	Classification classify(Change change);

}
