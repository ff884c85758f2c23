package io.meshgate.notification.review;

/** What became of one {@code review.created} event. */
enum Outcome {

	/** The mail server accepted the thank-you mail. */
	SENT("sent", "Thank-you mail sent"),

	/** The reviewer shared no address: nothing to send, nothing to retry. */
	NO_RECIPIENT("no-recipient", "No thank-you mail: the reviewer shared no e-mail address"),

	/** The mail server refused the recipient for good (5xx): retrying cannot help. */
	REJECTED("rejected", "The mail server refused the reviewer's address for good; recorded, not retried"),

	/** Already handled: a redelivery, answered without sending again. */
	DUPLICATE("duplicate", "Event already handled; acknowledged without sending again");

	private final String value;

	private final String message;

	Outcome(String value, String message) {
		this.value = value;
		this.message = message;
	}

	/** As stored in {@code processed_event.outcome} and as the metric tag. */
	String value() {
		return this.value;
	}

	/** The log message that reports it. */
	String message() {
		return this.message;
	}

}
