package dev.pygrade.assessment;

/**
 * A candidate just invited, with their link's token: the only time it exists in clear (only its
 * hash is stored), so it must be handed to the candidate now. A lost token is replaced by
 * inviting the candidate again under another name.
 */
public record Invitation(long candidateId, long assessmentId, String candidateName, String token) {
    @Override
    public String toString() {
        return "Invitation[" + candidateName + " to assessment " + assessmentId + "]";
    }
}
