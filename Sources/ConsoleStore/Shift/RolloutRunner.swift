import AWSCore
import FoundationEssentials
import LambdaAPI

/// Runs a rollout: applies each step with one UpdateAlias carrying the RevisionId of the last,
/// waits the step's interval, checks the target version's health, and rolls back on its own when
/// the error rate is above the threshold. The alias is consistent after every step, so a console
/// killed mid-rollout leaves it in the last applied state, with the plan on disk.
extension EffectRunner {
    func runRollout(_ start: Rollout, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        var rollout = start
        guard !readOnly else {
            rollout.message = "Read-only mode: the rollout was not run."
            return .rolloutUpdated(rollout)
        }
        guard rollouts.begin(rollout.key) else { return .showError("The rollout of \(rollout.key) is already running.") }
        defer { rollouts.end(rollout.key) }
        let wasPaused = rollout.status == .paused
        rollout.status = .running
        rollout.message = nil
        do {
            if rollout.nextStep > 0 {
                // Resuming: the alias must still be as the rollout left it. If it is not, the
                // rollout pauses and says so; the user's resume after that pause takes the alias
                // over as it is now (its RevisionId and its weight on the target) and goes on.
                let alias = try await lambda.getAlias(rollout.function, name: rollout.alias)
                if let left = rollout.revisionId, let now = alias.revisionId, left != now {
                    guard wasPaused else {
                        return finish(&rollout, .paused, "Paused: \(rollout.key) was changed by someone else since the rollout's last step. "
                            + "Check it, then resume (from the alias as it is now) or abort.", progress)
                    }
                    adopt(alias, into: &rollout)
                }
            }
            report(&rollout, progress)
            while rollout.nextStep < rollout.plan.steps.count {
                if rollout.nextStep > 0 {
                    while let due = rollout.nextStepAt, due > Date(), !rollouts.abortRequested(rollout.key) {
                        try await Task.sleep(for: .milliseconds(Int(min(250, max(10, due.timeIntervalSinceNow * 1000)))))
                    }
                    if rollouts.abortRequested(rollout.key) { return try await rollBack(&rollout, .aborted, "Aborted by the user.", progress) }
                    var health = await self.health(of: rollout)
                    // No data is no data: a step nobody called is not healthy. It waits for the
                    // invocations the form asked for, up to its limit, then pauses and asks.
                    let waitUntil = Date().addingTimeInterval(rollout.maximumWait ?? 600)
                    while health.invocations < Double(rollout.requiredInvocations), health.errors == 0 {
                        guard Date() < waitUntil, !rollouts.abortRequested(rollout.key) else { break }
                        rollout.message = "Waiting for \(rollout.requiredInvocations) invocations of version \(rollout.target) "
                            + "(\(Int(health.invocations)) so far)."
                        progress(.rolloutUpdated(rollout))
                        try await Task.sleep(for: .seconds(min(15, max(1, waitUntil.timeIntervalSinceNow))))
                        health = await self.health(of: rollout)
                    }
                    rollout.message = nil
                    if rollouts.abortRequested(rollout.key) { return try await rollBack(&rollout, .aborted, "Aborted by the user.", progress) }
                    if health.invocations < Double(rollout.requiredInvocations), health.errors == 0 {
                        rollout.note("No data: version \(rollout.target) had \(Int(health.invocations)) of \(rollout.requiredInvocations) invocations.")
                        return finish(&rollout, .paused, "Paused: version \(rollout.target) was invoked \(Int(health.invocations)) times in the step "
                            + "(\(rollout.requiredInvocations) needed), so its health is unknown. Resume to wait again, or abort.", progress)
                    }
                    rollout.note(health.summary(threshold: rollout.errorThreshold))
                    if let rate = health.errorRate, rate > rollout.errorThreshold {
                        return try await rollBack(&rollout, .rolledBack, "Rolled back: version \(rollout.target) had "
                            + health.summary(threshold: rollout.errorThreshold) + ".", progress)
                    }
                }
                try await apply(step: rollout.nextStep, &rollout)
                report(&rollout, progress)
            }
            return finish(&rollout, .completed, "Completed: version \(rollout.target) is the primary of \(rollout.key).", progress)
        } catch AWSClientError.service(let error) where error.code == .preconditionFailedException {
            return finish(&rollout, .paused, "Paused: someone else changed \(rollout.key) (its RevisionId moved). Check it, then resume or abort.",
                          progress)
        } catch {
            let reason = (error as? AWSClientError)?.description ?? "\(error)"
            return finish(&rollout, .paused, "Paused: \(reason) Resume to try again, or abort.", progress)
        }
    }

    /// The alias as someone else left it becomes the rollout's starting point: its RevisionId,
    /// and the weight it gives the target, from which the next larger step goes on.
    private func adopt(_ alias: AliasConfiguration, into rollout: inout Rollout) {
        rollout.revisionId = alias.revisionId
        rollout.description = alias.description ?? rollout.description
        let weight = Self.weight(of: rollout.target, in: alias) * 100
        rollout.appliedWeight = weight
        rollout.nextStep = rollout.plan.steps.firstIndex { $0 > weight } ?? rollout.plan.steps.count
        rollout.nextStepAt = Date()
        rollout.note("Resumed from \(rollout.key) as someone else left it: \(AliasWeights.percent(weight)) on version \(rollout.target).")
    }

    /// The share of the alias's traffic that goes to `version` (0 to 1).
    public static func weight(of version: String, in alias: AliasConfiguration) -> Double {
        let extra = alias.routingConfig?.additionalVersionWeights ?? [:]
        if alias.functionVersion == version { return 1 - extra.values.reduce(0, +) }
        return extra[version] ?? 0
    }

    /// Abort: a running rollout is told to roll back; one left by an earlier console is rolled back here.
    func abortRollout(_ rollout: Rollout, progress: @escaping @Sendable (ConsoleAction) -> Void) async -> ConsoleAction {
        if rollouts.isRunning(rollout.key) {
            rollouts.requestAbort(rollout.key)
            var aborting = rollout
            aborting.message = "Aborting: rolling back…"
            return .rolloutUpdated(aborting)
        }
        guard !readOnly, rollouts.begin(rollout.key) else { return .showError("The rollout of \(rollout.key) cannot be aborted now.") }
        defer { rollouts.end(rollout.key) }
        var stopped = rollout
        do {
            // Someone else may have changed the alias since (the reason a rollout pauses): the
            // roll back starts from the alias as it is, and leaves it alone if it no longer sends
            // the target anything.
            let alias = try await lambda.getAlias(rollout.function, name: rollout.alias)
            if alias.revisionId != stopped.revisionId {
                guard Self.weight(of: stopped.target, in: alias) > 0 else {
                    return finish(&stopped, .aborted, "Aborted: \(rollout.key) no longer sends traffic to version \(rollout.target); "
                        + "left as someone else set it.", progress)
                }
                stopped.revisionId = alias.revisionId
                stopped.description = alias.description ?? stopped.description
            }
            return try await rollBack(&stopped, .aborted, "Aborted by the user.", progress)
        } catch {
            let reason = (error as? AWSClientError)?.description ?? "\(error)"
            return finish(&stopped, .paused, "Could not roll back: \(reason)", progress)
        }
    }

    private func apply(step: Int, _ rollout: inout Rollout) async throws {
        let weight = rollout.plan.steps[step]
        let settings = weight >= 100
            ? AliasSettings(name: rollout.alias, version: rollout.target, description: rollout.description)
            : AliasSettings(name: rollout.alias, version: rollout.primary, description: rollout.description,
                            additionalVersion: rollout.target, weight: weight / 100)
        let mutation = Mutation.updateAlias(function: rollout.function, settings, revisionId: rollout.revisionId)
        do {
            let updated = try await updateAlias(rollout.function, settings, revisionId: rollout.revisionId)
            audit?.record(mutation, result: "ok: rollout step \(step + 1) of \(rollout.plan.steps.count), \(Int(weight)) %")
            rollout.revisionId = updated.revisionId ?? rollout.revisionId
        } catch {
            audit?.record(mutation, result: "failed: rollout step \(step + 1)")
            throw error
        }
        let now = Date()
        rollout.appliedWeight = weight
        rollout.stepAppliedAt = now
        rollout.nextStep = step + 1
        rollout.nextStepAt = now.addingTimeInterval(rollout.plan.interval)
        rollout.note(weight >= 100 ? "Promoted version \(rollout.target)." : "Sent \(AliasWeights.percent(weight)) to version \(rollout.target).", at: now)
    }

    private func rollBack(_ rollout: inout Rollout, _ status: Rollout.Status, _ reason: String,
                          _ progress: @escaping @Sendable (ConsoleAction) -> Void) async throws -> ConsoleAction {
        let settings = AliasSettings(name: rollout.alias, version: rollout.primary, description: rollout.description)
        let mutation = Mutation.updateAlias(function: rollout.function, settings, revisionId: rollout.revisionId)
        do {
            let updated = try await updateAlias(rollout.function, settings, revisionId: rollout.revisionId)
            audit?.record(mutation, result: "ok: rollout \(status == .aborted ? "aborted" : "rolled back")")
            rollout.revisionId = updated.revisionId ?? rollout.revisionId
        } catch {
            audit?.record(mutation, result: "failed: rollout roll back")
            throw error
        }
        rollout.appliedWeight = 0
        rollout.note(reason)
        return finish(&rollout, status, reason, progress)
    }

    private func report(_ rollout: inout Rollout, _ progress: @Sendable (ConsoleAction) -> Void) {
        try? rolloutFiles?.save(rollout)
        progress(.rolloutUpdated(rollout))
    }

    private func finish(_ rollout: inout Rollout, _ status: Rollout.Status, _ message: String,
                        _ progress: @Sendable (ConsoleAction) -> Void) -> ConsoleAction {
        rollout.status = status
        rollout.message = message
        rollout.nextStepAt = nil
        try? rolloutFiles?.save(rollout)
        return .rolloutUpdated(rollout)
    }
}

/// Percentages as the views write them.
public enum AliasWeights {
    public static func percent(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return "\(Int(rounded)) %" }
        return String(printf: "%g %%", rounded)
    }
}
