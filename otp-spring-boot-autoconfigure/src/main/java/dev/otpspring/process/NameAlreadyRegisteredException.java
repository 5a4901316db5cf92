package dev.otpspring.process;

/**
 * A name is already registered to another live process (R15.2); names are unique.
 */
public class NameAlreadyRegisteredException extends OtpException {

	private final transient Object name;

	private final transient Pid holder;

	public NameAlreadyRegisteredException(Object name, Pid holder) {
		super("The name '" + name + "' is already registered to " + holder);
		this.name = name;
		this.holder = holder;
	}

	/** The contested name. */
	public Object name() {
		return this.name;
	}

	/** The live process holding it. */
	public Pid holder() {
		return this.holder;
	}

}
