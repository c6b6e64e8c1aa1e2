"""Where the machine puts things in the guest's address space: the stack,
and the sentinel address every call returns to (nothing executes there:
reaching it with no interrupt in flight ends the run)."""

PAGE = 0x1000
STACK_BASE, STACK_SIZE = 0x00100000, 0x4000
SENTINEL = 0x00200000          # routines return here; nothing executes there
