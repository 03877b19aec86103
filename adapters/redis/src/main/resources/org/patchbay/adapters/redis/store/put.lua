-- Writes a record with its indexes (write.lua gives the KEYS and ARGV), after undoing its previous version.
return write_record()
