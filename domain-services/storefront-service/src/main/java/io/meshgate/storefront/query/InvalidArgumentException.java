package io.meshgate.storefront.query;

/**
 * A field argument the storefront refuses; the message is for the client and says what is
 * allowed.
 */
public class InvalidArgumentException extends RuntimeException {

	public InvalidArgumentException(String message) {
		super(message);
	}

}
