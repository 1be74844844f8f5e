"""Administrative-violation cases: the register, the lifecycle as data, reading and statistics."""
