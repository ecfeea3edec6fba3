package dev.pygrade.sandbox;

/** A hidden check as the candidate may see it: its name, what it checks, its weight. */
public record CheckSpec(String name, String description, double weight) {
}
