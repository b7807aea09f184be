package io.bpo.people.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.people.directory.Directory;
import io.bpo.people.directory.Person;
import io.bpo.people.export.ClientExport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what people-service can delete of an offboarded client once its retention period is over: the client's
 * own users and its group in Keycloak, provider staff taken out of it, and the export archives. contracts-,
 * knowledge- and reporting-service have no deletion API yet: their rows stay, and the DELETED step's history says
 * so (docs/operations.md, "Offboarding"). The confidentiality log keeps its entries in every case.
 */
@ApplicationScoped
public class DeletionJob {

    static final String SERVICES_PENDING = "identity objects and export archives deleted; contracts, knowledge and"
            + " reporting rows are not deleted (those services have no deletion API): recorded for the operator";
    private static final Logger LOG = Logger.getLogger(DeletionJob.class);

    private final Directory directory;

    DeletionJob(Directory directory) {
        this.directory = directory;
    }

    @Scheduled(every = "${bpo.people.deletion-check-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteDue() {
        deleteDueNow();
    }

    /** Deletes every client whose retention is over; the ids deleted. */
    public List<String> deleteDueNow() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> {
            // the job has no caller: it reads every offboarded client, as the lifecycle policy lets '*' do
            io.bpo.people.PlatformScope.allClients();
            return LifecycleService.dueForDeletion(Instant.now()).stream().map(l -> l.clientId).toList();
        });
        for (String clientId : due) {
            for (Person person : directory.people(clientId)) {
                if (person.kind() == Person.Kind.CLIENT) {
                    directory.deleteUser(person.id());
                } else {
                    directory.leave(clientId, person.id());
                }
            }
            directory.deleteClientGroup(clientId);
            QuarkusTransaction.requiringNew().run(() -> {
                io.bpo.people.PlatformScope.allClients();
                ClientLifecycle lifecycle = LifecycleService.require(clientId);
                ClientExport.delete("clientId", clientId);
                lifecycle.moveTo(LifecycleStatus.DELETED);
                lifecycle.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                LifecycleEvent.record(clientId, "deleted", "retention job", SERVICES_PENDING);
            });
            LOG.infof("Client %s deleted after its retention period", clientId);
        }
        return due;
    }
}
