/**
 * The scenario catalogue as Java values: {@code ScenarioCatalog} loads every JSON file under {@code
 * scenarios/} (schema in that folder's README.md) through {@code ScenarioParser}, which rejects an
 * invalid file naming its path and field; a {@code Scenario} holds the server script, the client
 * config, an optional action (cancel, interrupt), the run plan and an {@code Expectation}, whose
 * partial checks compare an {@code Observation} of a call with what the scenario expects.
 *
 * <p>May depend on the adapter (to build requests and name error classes), on {@code
 * conformance.fake} (the server script) and Jackson; not on the runner, the reports or the
 * benchmarks.
 */
package dev.dualpath.conformance.scenario;
