package dev.pygrade.assessment;

/** An instructor token just created: shown once, stored only as its hash. */
public record IssuedToken(long id, String name, String token) {
    @Override
    public String toString() {
        return "IssuedToken[" + id + " " + name + "]";
    }
}
