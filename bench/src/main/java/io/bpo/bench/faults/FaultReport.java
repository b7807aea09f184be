package io.bpo.bench.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the load and the probes saw around one fault, judged: answers other than 2xx and the statuses this fault
 * may cause, errors that were not problem+json (or 503s without Retry-After), seconds from the component's return
 * to every endpoint answering 2xx, and each app's readiness and liveness.
 *
 * @param backMillis when the faulty component was back: PostgreSQL accepting connections, Keycloak or the killed
 *        app ready
 */
public record FaultReport(String fault, long faultMillis, long backMillis, List<Answer> answers, List<Answer> bad,
        double recoverySeconds, Map<String, Boolean> readinessWentDown, Map<String, Boolean> readyAfter,
        Map<String, Integer> livenessFailures) {

    /**
     * @param allowed the error statuses this fault may cause (503 for the database; 502 and 503 for a killed app)
     */
    static FaultReport judge(String fault, long faultMillis, long backMillis, List<Answer> answers,
            List<Endpoint> endpoints, Set<Integer> allowed, ProbeMonitor probes, long windowEnd) {
        List<Answer> bad = new ArrayList<>();
        for (Answer answer : answers) {
            boolean allowedError = allowed.contains(answer.status()) && answer.problemJson()
                    && (answer.status() != 503 || answer.retryAfter());
            if (!answer.ok() && !allowedError) {
                bad.add(answer);
            }
        }
        Map<String, Boolean> down = new TreeMap<>();
        Map<String, Boolean> readyAfter = new TreeMap<>();
        Map<String, Integer> liveFailures = new TreeMap<>();
        for (String app : probes.apps()) {
            List<ProbeMonitor.Probe> seen = probes.between(app, faultMillis, windowEnd);
            down.put(app, seen.stream().anyMatch(p -> !p.ready()));
            readyAfter.put(app, !seen.isEmpty() && seen.get(seen.size() - 1).ready());
            liveFailures.put(app, (int) seen.stream().filter(p -> !p.live()).count());
        }
        return new FaultReport(fault, faultMillis, backMillis, List.copyOf(answers), bad,
                recoverySeconds(answers, endpoints, backMillis), down, readyAfter, liveFailures);
    }

    /**
     * For each endpoint, among the requests sent once the component was back: the first 2xx answer after the last
     * failed one. The slowest endpoint's, in seconds from the component's return; infinite if one never recovered.
     */
    static double recoverySeconds(List<Answer> answers, List<Endpoint> endpoints, long back) {
        double worst = 0;
        for (Endpoint endpoint : endpoints) {
            List<Answer> after = answers.stream()
                    .filter(a -> a.endpoint().equals(endpoint.name()) && a.sentMillis() >= back)
                    .sorted(Comparator.comparingLong(Answer::doneMillis)).toList();
            long lastFailure = after.stream().filter(a -> !a.ok()).mapToLong(Answer::doneMillis).max().orElse(back);
            long recovered = after.stream().filter(a -> a.ok() && a.doneMillis() >= lastFailure)
                    .mapToLong(Answer::doneMillis).min().orElse(Long.MAX_VALUE);
            if (recovered == Long.MAX_VALUE) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, (recovered - back) / 1000.0);
        }
        return worst;
    }

    public long okCount() {
        return answers.stream().filter(Answer::ok).count();
    }

    public long errorCount() {
        return answers.size() - okCount();
    }

    /** The 2xx answers' request ids: each must have its access-log entry. */
    public List<String> acknowledged() {
        return answers.stream().filter(Answer::ok).map(Answer::requestId).toList();
    }
}
