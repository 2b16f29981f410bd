package dk.brobygger.course;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.referral.Volunteers;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The peer host (peervært) chosen among the volunteers with lived experience that module referral keeps (through its
 * root API, {@link Volunteers#assignablePeers()}), instead of a name typed: only for a course type that offers a
 * peer host, only a peer who may be asked today. The course shows the peer's name and keeps which volunteer it is.
 */
@Service
public class CoursePeers {

    private final Courses courses;
    private final CourseTypes types;
    private final Volunteers volunteers;
    private final JdbcClient jdbc;

    CoursePeers(Courses courses, CourseTypes types, Volunteers volunteers, JdbcClient jdbc) {
        this.courses = courses;
        this.types = types;
        this.volunteers = volunteers;
        this.jdbc = jdbc;
    }

    /** The peers a host may choose from now. */
    public List<Volunteers.Peer> choosable() {
        return volunteers.assignablePeers();
    }

    /**
     * Starts the course; with a peer chosen from the register, the peer's name is the peer host and the course keeps
     * which volunteer it is. The start itself, the link to the volunteer included, is
     * {@link Courses#start(Courses.Start, UUID)}'s: one transaction.
     */
    public Course start(Courses.Start start, @Nullable UUID peerVolunteer) {
        if (peerVolunteer == null) {
            return courses.start(start);
        }
        var type = start.type() == null ? null : types.get(start.type());
        if (type != null && !type.peerHostOffered()) {
            throw new DomainException("course.peer.notOffered", type.name());
        }
        var peer = volunteers.assignablePeer(peerVolunteer)
                .orElseThrow(() -> new DomainException("course.peer.unknown"));
        return courses.start(new Courses.Start(start.inquiry(), start.inquiryVersion(), start.citizen(),
                start.cpr(), start.type(), start.team(), start.status(), start.plannedExit(), start.plannedExitTo(),
                start.plannedExitOn(), peer.name()), peer.id());
    }

    /** The peer host changes on an open course: a peer from the register, else the name typed, else none. */
    public Course change(CourseId id, long seenVersion, @Nullable UUID peerVolunteer, @Nullable String typedName) {
        if (peerVolunteer == null) {
            return courses.changePeerHost(id, seenVersion, typedName, null);
        }
        var peer = volunteers.assignablePeer(peerVolunteer)
                .orElseThrow(() -> new DomainException("course.peer.unknown"));
        return courses.changePeerHost(id, seenVersion, peer.name(), peer.id());
    }

    /** The volunteer who is the course's peer host, if one was chosen from the register. */
    Optional<UUID> volunteerOf(CourseId course) {
        return jdbc.sql("SELECT volunteer_id FROM course_peer_volunteer WHERE course_id = :course")
                .param("course", course.value()).query(UUID.class).optional();
    }
}
