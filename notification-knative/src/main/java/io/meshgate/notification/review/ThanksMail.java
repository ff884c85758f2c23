package io.meshgate.notification.review;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/** The thank-you mail for a new review: plain text, naming the product and the rating. */
@Component
class ThanksMail {

	private final ThanksMailProperties properties;

	ThanksMail(ThanksMailProperties properties) {
		this.properties = properties;
	}

	SimpleMailMessage to(ReviewCreated review) {
		// A product name is shop data, not mail syntax: no line break reaches a header.
		String product = review.productName().replaceAll("\\p{Cntrl}", " ").strip();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(review.reviewerEmail());
		message.setSubject("Thanks for your review of " + product);
		message.setText("""
				Hello,

				thank you for reviewing %s. You rated it %d out of 5 stars.

				Your review helps other shoppers decide.

				The Meshgate team
				""".formatted(product, review.rating()));
		return message;
	}

}
