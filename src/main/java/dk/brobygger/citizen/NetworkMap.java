package dk.brobygger.citizen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the network map: the citizen in the middle, the network on three circles by closeness,
 * spread evenly around each circle. Pure geometry, drawn as SVG by the overview page.
 */
final class NetworkMap {

    static final int SIZE = 400;
    static final int CENTRE = SIZE / 2;
    static final int[] RADIUS = {0, 70, 125, 180};

    /** One person on the map, with where to write the label. */
    record Dot(double x, double y, double labelX, double labelY, String anchor, String name, String role,
            boolean professional, int closeness) {
    }

    private NetworkMap() {
    }

    static List<Dot> layout(List<NetworkMember> members) {
        List<Dot> dots = new ArrayList<>();
        for (int ring = 1; ring <= 3; ring++) {
            final int closeness = ring;
            List<NetworkMember> onRing = members.stream().filter(m -> m.closeness() == closeness).toList();
            for (int i = 0; i < onRing.size(); i++) {
                double angle = -Math.PI / 2 + 2 * Math.PI * i / onRing.size() + ring * 0.35;
                double x = CENTRE + RADIUS[ring] * Math.cos(angle);
                double y = CENTRE + RADIUS[ring] * Math.sin(angle);
                boolean right = Math.cos(angle) >= 0;
                var member = onRing.get(i);
                dots.add(new Dot(round(x), round(y), round(x + (right ? 12 : -12)), round(y + 4),
                        right ? "start" : "end", member.name(), member.role(),
                        member.kind() == NetworkMember.Kind.PROFESSIONAL, ring));
            }
        }
        return dots;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
