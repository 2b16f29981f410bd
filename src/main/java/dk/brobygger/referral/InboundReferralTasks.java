package dk.brobygger.referral;

import java.util.List;
import java.util.Set;

import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskSource;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The worklist's task for a referral from another system: "Henvisning udefra: …", done when it is handled. */
@Component
class InboundReferralTasks implements TaskSource {

    private final InboundReferrals inbound;

    InboundReferralTasks(InboundReferrals inbound) {
        this.inbound = inbound;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(InboundReferrals.WORK);
    }

    @Override
    public Text title(Task task) {
        return Text.of("referral.inbound.task", inbound.wish(task.source().id()).orElse(""));
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/henvisninger/udefra#h-" + task.source().id(), Text.of("referral.inbound.task.link"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return List.of(Choice.of(InboundReferrals.HANDLED, "referral.inbound.task.handled"));
    }
}
