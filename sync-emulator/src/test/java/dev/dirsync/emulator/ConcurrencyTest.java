package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void parallelClients_createEachUserOnce_andOnlyOneWinsASharedUpn() throws Exception {
        int threads = 8;
        int perThread = 25;
        try (CloudEmulator emulator = CloudEmulator.start(EmulatorSettings.defaults())) {
            GraphClient graph = new GraphClient(emulator);
            graph.token();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> sharedStatuses = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    sharedStatuses.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            graph.createUser("t" + thread + "u" + i + "@contoso.example", "anchor-" + thread + "-" + i);
                        }
                        return graph.post("/users", GraphClient.user("shared@contoso.example", "shared-" + thread))
                                .status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : sharedStatuses) {
                    statuses.add(status.get());
                }

                assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
            } finally {
                pool.shutdown();
            }
            assertThat(emulator.users()).hasSize(threads * perThread + 1);
            assertThat(emulator.stats().creates()).isEqualTo(threads * perThread + 1);
            assertThat(emulator.stats().rejected()).isEqualTo(threads - 1);
        }
    }
}
