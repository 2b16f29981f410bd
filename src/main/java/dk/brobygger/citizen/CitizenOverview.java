package dk.brobygger.citizen;

import java.util.List;

/** What the overview page shows of a citizen: the record and the current network, closest first. */
public record CitizenOverview(Citizen citizen, List<NetworkMember> network) {
}
