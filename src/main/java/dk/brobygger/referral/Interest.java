package dk.brobygger.referral;

/**
 * What a volunteer likes doing (interesser), and what a citizen hopes for: the words a match is made on. A fixed
 * list, so "strik" and "håndarbejde" meet.
 */
public enum Interest {
    WALKING, CRAFTS, SINGING, MUSIC, CARDS_AND_GAMES, COFFEE_AND_TALK, EXERCISE, NATURE, GARDENING, COOKING,
    CULTURE, READING, CHURCH, VOLUNTEERING, TECHNOLOGY;

    public String messageKey() {
        return "volunteer.interest." + name();
    }
}
