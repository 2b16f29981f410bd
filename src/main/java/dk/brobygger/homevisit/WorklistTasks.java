package dk.brobygger.homevisit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskCompleted;
import dk.brobygger.followup.TaskSource;
import dk.brobygger.outreach.OutreachItems;
import dk.brobygger.outreach.Outcome;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist's lines as tasks: a line taken by a visitor is a task on the visitor's list, titled by the
 * visit year or "Opsporing", completed with the outreach outcomes. Whichever page closes it (the worklist
 * or the task list), closing a line records the year's offer or closes the outreach item, and ends the
 * team's access the line opened, in the same transaction.
 */
@Component
class WorklistTasks implements TaskSource {

    static final List<Choice> CHOICES = Arrays.stream(Outcome.values())
            .map(outcome -> Choice.of(outcome.name(), outcome.messageKey())).toList();

    private final JdbcClient jdbc;
    private final OutreachItems items;
    private final VisitOffers offers;
    private final CitizenWork work;

    WorklistTasks(JdbcClient jdbc, OutreachItems items, VisitOffers offers, CitizenWork work) {
        this.jdbc = jdbc;
        this.items = items;
        this.offers = offers;
        this.work = work;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Worklist.LINE);
    }

    @Override
    public Text title(Task task) {
        var line = Worklist.lineOf(jdbc, task.source().id());
        return line.year() != null ? Text.of("homevisit.task.line.VISIT", String.valueOf(line.year()))
                : Text.of("homevisit.task.line.OUTREACH");
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/hjemmebesog?vis=MINE", Text.of("homevisit.task.line.link"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return CHOICES;
    }

    /**
     * A closed line: a due visit's outcome of offered, accepted or declined is the year's offer (by phone,
     * unless the worklist recorded it by another channel first); an outreach item still open is closed.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TaskCompleted completed) {
        if (!Worklist.LINE.equals(completed.source().kind())) {
            return;
        }
        var line = Worklist.lineOf(jdbc, completed.source().id());
        var outcome = Outcome.of(completed.outcome());
        var citizen = new CitizenId(line.citizen());
        if (line.item() != null) {
            if (items.isOpen(line.item(), citizen)) {
                items.close(line.item(), outcome, completed.doneOn());
            }
        } else if (line.year() != null && outcome != Outcome.NOT_REACHED && outcome != Outcome.NOT_RELEVANT) {
            var offer = offers.find(citizen, line.year()).orElse(null);
            if (offer == null) {
                offer = offers.offer(citizen, line.year(), completed.doneOn(), OfferChannel.PHONE);
            }
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.DECLINED) {
                offers.answer(offer.id(), outcome == Outcome.ACCEPTED ? VisitOffer.Answer.ACCEPTED
                        : VisitOffer.Answer.DECLINED, completed.doneOn());
            }
        }
        work.end(Worklist.line(completed.source().id()), completed.doneBy().equals(CitizenWork.SYSTEM)
                ? "Opsporingsemnet blev trukket tilbage" : "Arbejdslisten: " + outcome.name());
    }
}
