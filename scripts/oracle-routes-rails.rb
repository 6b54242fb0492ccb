#!/usr/bin/env ruby
# oracle-routes-rails: the endpoints a Rails application's routes declare,
# found by running config/routes.rb (and the config/routes/*.rb files it
# draws) in Ruby against a stub of the routing DSL, independently of
# carve's lexical reader. Engines (mount, devise_for, use_doorkeeper) are
# left out, as their routes come from gems; concerns are applied where
# concerns/concerns: name them. Prints "METHOD PATH", sorted.
#
#   ruby scripts/oracle-routes-rails.rb /work/repos/mastodon

ROOT = ARGV[0] || '.'
OUT = {}

class Stub
  def method_missing(*) = Stub.new
  def respond_to_missing?(*) = true
  def to_s = 'stub'
end

module Stubs
  def self.const_missing(_) = Stubs
  def self.method_missing(*) = Stub.new
  def self.respond_to_missing?(*) = true
end

class Object
  def self.const_missing(_) = Stubs
end

class Mapper
  ACTIONS = [[:index, 'GET', :coll], [:create, 'POST', :coll],
             [:new, 'GET', :new], [:edit, 'GET', :edit],
             [:show, 'GET', :member], [:update, 'PATCH', :member],
             [:update, 'PUT', :member], [:destroy, 'DELETE', :member]].freeze

  def initialize
    @path = ['']
    @res = [nil] # [member path, collection path] of the enclosing resource
  end

  def join(*parts)
    ('/' + parts.map(&:to_s).join('/')).gsub(%r{/+}, '/').sub(%r{(.)/$}, '\1')
  end

  def add(verb, path) = (OUT["#{verb} #{path}"] = true)

  def within(path, res = @res.last)
    @path.push(path)
    @res.push(res)
    yield if block_given?
  ensure
    @path.pop
    @res.pop
  end

  def route(verbs, name, opts)
    opts ||= {}
    name, opts = opts.first if name.is_a?(Hash) # get 'a' => 'c#a'
    name = name.keys.first if name.is_a?(Hash)
    base = @path.last
    if opts[:on] == :member && @res.last then base = @res.last[0]
    elsif opts[:on] == :collection && @res.last then base = @res.last[1]
    end
    verbs.each { |v| add(v, join(base, name)) }
  end

  %w[get post put patch delete].each do |v|
    define_method(v) { |name = nil, opts = nil, &_b| route([v.upcase], name, opts) }
  end

  def match(name, opts = {})
    via = Array(opts[:via])
    verbs = via.include?(:all) || via.empty? ? ['ANY'] : via.map { |x| x.to_s.upcase }
    route(verbs, name, opts)
  end

  def root(*) = add('GET', join(@path.last))

  def namespace(name, opts = {}, &b) = within(join(@path.last, opts[:path] || name), nil, &b)

  def scope(*args, &b)
    opts = args.last.is_a?(Hash) ? args.last : {}
    path = args.first.is_a?(String) || args.first.is_a?(Symbol) ? args.first : opts[:path]
    within(path ? join(@path.last, path) : @path.last, &b)
  end

  def filter(opts)
    only = opts.key?(:only) ? Array(opts[:only]).map(&:to_sym) : nil
    except = Array(opts[:except]).map(&:to_sym)
    ACTIONS.select { |a, _, _| (only.nil? || only.include?(a)) && !except.include?(a) }
  end

  def resources(*names, &b)
    opts = names.last.is_a?(Hash) ? names.pop : {}
    names.each do |n|
      coll = join(@path.last, opts[:path] || n)
      member = join(coll, ':id')
      filter(opts).each do |action, verb, where|
        add(verb, { coll: coll, new: join(coll, 'new'), edit: join(member, 'edit'),
                    member: member }[where])
      end
      within(join(coll, ":#{n}_id"), [member, coll]) do
        concerns(*Array(opts[:concerns]))
        b&.call
      end
    end
  end

  def resource(*names, &b)
    opts = names.last.is_a?(Hash) ? names.pop : {}
    names.each do |n|
      path = join(@path.last, opts[:path] || n)
      filter(opts).each do |action, verb, where|
        next if action == :index

        add(verb, { coll: path, new: join(path, 'new'), edit: join(path, 'edit'),
                    member: path }[where])
      end
      within(path, [path, path]) do
        concerns(*Array(opts[:concerns]))
        b&.call
      end
    end
  end

  def member(&b) = within(@res.last[0], [@res.last[0], @res.last[0]], &b)
  def collection(&b) = within(@res.last[1], [@res.last[1], @res.last[1]], &b)

  def concern(name, &b) = ((@concerns ||= {})[name] = b)

  def concerns(*names)
    names.flatten.each { |n| (@concerns || {})[n]&.call }
  end

  def draw(name)
    file = File.join(ROOT, 'config', 'routes', "#{name}.rb")
    instance_eval(File.read(file), file)
  end

  def redirect(*) = nil
  def lambda(*) = nil
  def mount(*) = nil
  def devise_for(*) = nil
  def use_doorkeeper(*) = nil
  def devise_scope(*, &b) = b&.call
  def authenticate(*, &b) = b&.call
  def constraints(*, &b) = b&.call
  def controller(*, &b) = b&.call
  def defaults(*, &b) = b&.call
end

class Routes
  def draw(&b) = Mapper.new.instance_eval(&b)
end

module Rails
  def self.application = Struct.new(:routes).new(Routes.new)
  def self.env = Stub.new
end

def require(*) = true

load File.join(ROOT, 'config', 'routes.rb')
puts OUT.keys.sort
