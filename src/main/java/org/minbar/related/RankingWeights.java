package org.minbar.related;

/**
 * How related stories are weighed, each choice measured by RelatedStoriesQualityTest on a set of
 * Arabic news in story clusters within confusable families (see the README for the figures):
 * a phrase and a number count {@code phraseBoost} and {@code numberBoost} times a word of the same
 * rarity; the features of the best {@code feedbackReports} matches join the query at
 * {@code feedback} of their weight, shared among them; the text similarity keeps
 * {@code 1 - timeShare} of itself across any distance in time and the rest fades with the days
 * between the stories ({@code timeScaleDays} for a factor e); each shared tag and category adds
 * {@code tagBonus} and {@code categoryBonus}, 0 by default: even as tie-breaks they cost precision.
 */
public record RankingWeights(double phraseBoost, double numberBoost, double timeShare, double timeScaleDays,
                             double tagBonus, double categoryBonus, double feedback, int feedbackReports) {

    public static final RankingWeights DEFAULT = new RankingWeights(1.0, 1.5, 0.3, 3, 0, 0, 0.5, 2);

    public RankingWeights {
        if (phraseBoost < 0 || numberBoost < 0 || timeShare < 0 || timeShare > 1 || timeScaleDays <= 0
                || tagBonus < 0 || categoryBonus < 0 || feedback < 0 || feedbackReports < 0) {
            throw new IllegalArgumentException("ranking weights out of range: " + this);
        }
    }

    public RankingWeights withPhraseBoost(double boost) {
        return new RankingWeights(boost, numberBoost, timeShare, timeScaleDays, tagBonus, categoryBonus, feedback, feedbackReports);
    }

    public RankingWeights withNumberBoost(double boost) {
        return new RankingWeights(phraseBoost, boost, timeShare, timeScaleDays, tagBonus, categoryBonus, feedback, feedbackReports);
    }

    public RankingWeights withTimeShare(double share) {
        return new RankingWeights(phraseBoost, numberBoost, share, timeScaleDays, tagBonus, categoryBonus, feedback, feedbackReports);
    }

    public RankingWeights withBonuses(double tag, double category) {
        return new RankingWeights(phraseBoost, numberBoost, timeShare, timeScaleDays, tag, category, feedback, feedbackReports);
    }

    public RankingWeights withTimeScale(double days) {
        return new RankingWeights(phraseBoost, numberBoost, timeShare, days, tagBonus, categoryBonus, feedback, feedbackReports);
    }

    public RankingWeights withFeedback(double share, int reports) {
        return new RankingWeights(phraseBoost, numberBoost, timeShare, timeScaleDays, tagBonus, categoryBonus, share, reports);
    }

    double boost(StoryFeatures.Kind kind) {
        return switch (kind) {
            case WORD -> 1.0;
            case PHRASE -> phraseBoost;
            case NUMBER -> numberBoost;
        };
    }

    /** What is left of a similarity between stories this many days apart. */
    double timeFactor(double days) {
        return 1 - timeShare + timeShare * Math.exp(-Math.abs(days) / timeScaleDays);
    }
}
