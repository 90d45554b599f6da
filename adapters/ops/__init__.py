"""Operations commands: init, doctor, backup, database copy."""
