#!/usr/bin/env ruby
# Rails' tables of a repository, independently of carve: evaluates
# db/schema.rb with ActiveRecord::Schema stubbed, so the schema's own Ruby
# says which tables it creates (create_table), and prints them sorted.
#
# usage: ruby oracle-tables-rails.rb REPO
module ActiveRecord
  class Schema
    TABLES = []
    def self.[](_version)
      self
    end

    def self.define(*_args, &block)
      new.instance_eval(&block)
    end

    def create_table(name, *_args)
      TABLES << name.to_s
    end

    # every other schema statement (add_foreign_key, create_view,
    # enable_extension, t.string ...) is read and ignored
    def method_missing(*_args); end

    def respond_to_missing?(*_args)
      true
    end
  end
end

load File.join(ARGV.fetch(0), 'db', 'schema.rb')
puts ActiveRecord::Schema::TABLES.uniq.sort
