package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/**
 * The rules a course keeps by itself: the states of EpisodeOfCare, phases forward and back only with a reason, an
 * exit with its destination, and planned against actual intensity phase by phase (CTI fidelity).
 */
class CourseRulesTests {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    static final CourseType CTI = new CourseType(UUID.randomUUID(), "cti", "CTI", "", "socialpsykiatri", null, false,
            null, null, false, false, true, List.of(new CourseType.Phase(0, "Kontaktetablering", 4, 1),
                    new CourseType.Phase(1, "Overgang", 13, 1), new CourseType.Phase(2, "Afprøvning", 13, 0.5),
                    new CourseType.Phase(3, "Overdragelse", 13, 0.25)), 0, "system", START);

    static Course course(CourseStatus status) {
        return Course.start(CourseId.random(), new Course.Started(new CitizenId(UUID.randomUUID()), null, null, CTI,
                "en-indgang", "vaert", null, status, new Course.Exit(ExitKind.COMMUNITY, null, TODAY.plusWeeks(40)),
                null), "vaert", START, TODAY);
    }

    @Test
    void everyCourseStartsWithAPlannedExit() {
        assertThatThrownBy(() -> Course.start(CourseId.random(), new Course.Started(new CitizenId(UUID.randomUUID()),
                null, null, CTI, "en-indgang", "vaert", null, CourseStatus.ACTIVE, null, null), "vaert", START, TODAY))
                .isInstanceOf(DomainException.class).hasMessage("course.exit.planned.missing");
    }

    @Test
    void aWaitingCourseBecomesActiveAndAnActiveOnePausesButNothingFinishesWithoutAnExit() {
        var course = course(CourseStatus.WAITLIST);
        assertThatThrownBy(() -> course.changeStatus(CourseStatus.ONHOLD, null, "vaert", START))
                .hasMessage("course.status.notAllowed");
        course.changeStatus(CourseStatus.ACTIVE, null, "vaert", START);
        course.changeStatus(CourseStatus.ONHOLD, "Ferie", "vaert", START);
        course.changeStatus(CourseStatus.ACTIVE, null, "vaert", START);
        assertThatThrownBy(() -> course.changeStatus(CourseStatus.FINISHED, null, "vaert", START))
                .hasMessage("course.status.finishByExit");
        assertThatThrownBy(() -> course.changeStatus(CourseStatus.CANCELLED, " ", "vaert", START))
                .hasMessage("course.status.cancelWithoutReason");
        assertThat(course.status()).isEqualTo(CourseStatus.ACTIVE);
    }

    @Test
    void aClosedCourseNeverChangesAgain() {
        var course = course(CourseStatus.ACTIVE);
        course.exit(ExitKind.NO_MORE_HELP, null, TODAY, true, null, "vaert", START, TODAY);
        assertThat(course.status()).isEqualTo(CourseStatus.FINISHED);
        assertThatThrownBy(() -> course.moveToPhase(1, CTI, null, "vaert", START, TODAY)).hasMessage("course.closed");
        assertThatThrownBy(() -> course.exit(ExitKind.NO_MORE_HELP, null, TODAY, true, null, "vaert", START, TODAY))
                .hasMessage("course.closed");
    }

    @Test
    void anExitToACommunityNamesItAndCannotLieInTheFuture() {
        var course = course(CourseStatus.ACTIVE);
        assertThatThrownBy(() -> course.exit(null, "Sind", TODAY, true, null, "vaert", START, TODAY))
                .hasMessage("course.exit.kind.missing");
        assertThatThrownBy(() -> course.exit(ExitKind.REGION, null, TODAY, true, null, "vaert", START, TODAY))
                .hasMessage("course.exit.to.missing");
        assertThatThrownBy(() -> course.exit(ExitKind.COMMUNITY, "Sind", TODAY.plusDays(1), true, null, "vaert", START,
                TODAY)).hasMessage("course.exit.on.future");
        assertThat(course.isOpen()).isTrue();
    }

    @Test
    void ctiContactThatFallsFromWeeklyToFortnightlyIsKeptAndFell() {
        var course = course(CourseStatus.ACTIVE);
        var contacts = new ArrayList<Courses.Contact>();
        // Four weeks of contact building, weekly; then thirteen weeks of transition, weekly; then eight weeks of
        // try-out, every two weeks.
        for (int week = 0; week < 17; week++) {
            contacts.add(contact(START.plus(Duration.ofDays(7L * week + 1))));
        }
        for (int fortnight = 0; fortnight < 4; fortnight++) {
            contacts.add(contact(START.plus(Duration.ofDays(7L * 17 + 14L * fortnight + 1))));
        }
        course.moveToPhase(1, CTI, null, "vaert", START.plus(Duration.ofDays(28)), TODAY);
        course.moveToPhase(2, CTI, null, "vaert", START.plus(Duration.ofDays(7 * 17)), TODAY);
        var fidelity = Courses.fidelity(course, CTI, contacts, START.plus(Duration.ofDays(7 * 25)));
        assertThat(fidelity).extracting(Courses.PhaseFidelity::contacts).containsExactly(4L, 13L, 4L, 0L);
        assertThat(fidelity).extracting(Courses.PhaseFidelity::kept).containsExactly(true, true, true, null);
        assertThat(fidelity.get(2).fell()).isTrue();
    }

    @Test
    void ctiContactThatStaysWeeklyInTryOutDidNotFall() {
        var course = course(CourseStatus.ACTIVE);
        var contacts = new ArrayList<Courses.Contact>();
        for (int week = 0; week < 25; week++) {
            contacts.add(contact(START.plus(Duration.ofDays(7L * week + 1))));
        }
        course.moveToPhase(1, CTI, null, "vaert", START.plus(Duration.ofDays(28)), TODAY);
        course.moveToPhase(2, CTI, null, "vaert", START.plus(Duration.ofDays(7 * 17)), TODAY);
        var fidelity = Courses.fidelity(course, CTI, contacts, START.plus(Duration.ofDays(7 * 25)));
        assertThat(fidelity.get(2).fell()).isFalse();
        assertThat(fidelity.get(2).kept()).isTrue();
    }

    static Courses.Contact contact(Instant at) {
        return new Courses.Contact(UUID.randomUUID(), ContactKind.CONVERSATION, "Vera", at, 30, null, "vaert");
    }
}
