cdef str c_squash(str text)
