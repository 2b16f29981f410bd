import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends MedCom HospitalNotifications to /fhir/$process-message as fast as CLIENTS connections allow:
 * per citizen the STIN example (admitted) then the SLHJ example (discharged home), each with fresh
 * Bundle and MessageHeader ids and the citizen's CPR number. Prints throughput and latency of the
 * measured phase, and how many messages were accepted in total (checked against the database).
 *
 * java MedComBenchmark.java BASE CPR-FILE EXAMPLES-DIR CLIENTS WARMUP-S DURATION-S
 */
public class MedComBenchmark {

    static final String EXAMPLE_CPR = "2509479989";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> cprs = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        String stin = Files.readString(Path.of(args[2], "HospitalNotification_Ex_STIN_A.json"));
        String slhj = Files.readString(Path.of(args[2], "HospitalNotification_Ex_SLHJ_H.json"));
        int clients = Integer.parseInt(args[3]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        long measureNanos = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        String auth = "Basic " + Base64.getEncoder().encodeToString("medcom:demo".getBytes(StandardCharsets.UTF_8));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var next = new AtomicInteger();
        var accepted = new AtomicLong();
        var failed = new AtomicLong();
        var latencies = new ConcurrentLinkedQueue<Long>();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        var failures = new ConcurrentLinkedQueue<String>();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    if (i >= cprs.size()) {
                        return;
                    }
                    for (String template : List.of(stin, slhj)) {
                        String body = fresh(template, cprs.get(i));
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/fhir/$process-message"))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                                    .header("Content-Type", "application/fhir+json")
                                    .header("Accept", "application/fhir+json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (response.statusCode() == 200) {
                                accepted.incrementAndGet();
                                if (t0 >= measureFrom && t1 <= end) {
                                    latencies.add(t1 - t0);
                                }
                            } else {
                                failed.incrementAndGet();
                                if (failures.size() < 5) {
                                    failures.add(response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            if (failures.size() < 5) {
                                failures.add(e.toString());
                            }
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = measureNanos / 1e9;
        System.out.printf("clients=%d measured=%.0fs messages_in_window=%d throughput=%.1f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                clients, seconds, sorted.length, sorted.length / seconds, ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf("accepted_total=%d failed_total=%d citizens_used=%d%n", accepted.get(), failed.get(),
                Math.min(next.get(), cprs.size()));
        failures.forEach(f -> System.out.println("failure: " + f.substring(0, Math.min(300, f.length()))));
        if (next.get() >= cprs.size()) {
            System.out.println("WARNING: ran out of citizens before the end; load more (CITIZENS=...)");
        }
    }

    static String fresh(String template, String cpr) {
        // Every id in the example is a UUID-like string; the message's identity is the MessageHeader and
        // Bundle id, so replacing every distinct id keeps the references inside the bundle consistent.
        String body = template.replace(EXAMPLE_CPR, cpr);
        var ids = new java.util.LinkedHashSet<String>();
        var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-z-]{36})\"").matcher(template);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        for (String id : ids) {
            body = body.replace(id, UUID.randomUUID().toString());
        }
        return body;
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
